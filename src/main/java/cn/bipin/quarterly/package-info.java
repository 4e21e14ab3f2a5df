/** The quarterly run (季度专题比拼): the quarter's own competitions, the monthly ones as the mean of their months. */
package cn.bipin.quarterly;
