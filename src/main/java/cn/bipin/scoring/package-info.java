/** Pure scoring arithmetic (R-SCORE-1..3, D3–D6): no Spring, no SQL, so every figure can be checked by hand. */
package cn.bipin.scoring;
