/** The annual run (年底总比拼): the year's competition means, the total, and the result application. */
package cn.bipin.annual;
