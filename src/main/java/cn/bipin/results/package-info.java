/** The stored results of runs: scores with their inputs, ranks and rank changes, read by the bulletin. */
package cn.bipin.results;
