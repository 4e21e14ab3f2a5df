/** Indicator warnings of working groups (D19, DOMAIN §7.3): city figures, weekly ledgers, the monthly 预警清单 and its mail. */
package cn.bipin.warning;
