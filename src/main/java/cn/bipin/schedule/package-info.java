/** Unattended runs: the schedule file, Quartz triggers that only launch jobs, and the long-lived {@code serve} mode. */
package cn.bipin.schedule;
