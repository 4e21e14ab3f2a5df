/**
 * The scoring runs of a scheme's cycles — 月度晾晒, 季度专题比拼, 年底总比拼 — one job each, read top to bottom in its
 * {@code *JobConfiguration}; {@link cn.bipin.cycle.StepLabels} names their steps for the statistician.
 */
package cn.bipin.cycle;
