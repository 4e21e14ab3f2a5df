/** Applying annual results to units (R-AWARD-1): efficiency points, 优秀 quota and work funds, with reasons. */
package cn.bipin.award;
