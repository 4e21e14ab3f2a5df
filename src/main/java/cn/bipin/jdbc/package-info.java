/** Small JDBC helpers shared by every feature's repository: reading rows into records. */
package cn.bipin.jdbc;
