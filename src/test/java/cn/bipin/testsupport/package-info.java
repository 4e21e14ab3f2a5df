/** Test fixtures shared across features, such as access to the real MariaDB server. */
package cn.bipin.testsupport;
