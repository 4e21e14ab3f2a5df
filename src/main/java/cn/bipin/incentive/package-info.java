/** Enterprise incentives (DOMAIN §4, R-INC): ingest enterprise data, apply the fifteen reward rules, keep the history. */
package cn.bipin.incentive;
