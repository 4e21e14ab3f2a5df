/** What the cycles' jobs do step by step; each step is one call here, and the job configurations only wire them. */
package cn.bipin.pipeline;
