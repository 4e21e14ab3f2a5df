/** Project lists (项目清单, DOMAIN §7.1 D9): per-unit project records from which new, completed and reserve project counts are derived. */
package cn.bipin.project;
