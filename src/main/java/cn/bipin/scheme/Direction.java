package cn.bipin.scheme;

/** Whether a larger value is better (most indicators) or a smaller one. */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER
}
