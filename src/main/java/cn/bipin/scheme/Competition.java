package cn.bipin.scheme;

import java.math.BigDecimal;
import java.util.List;

/** A weighted block of the total score (比拼), with its cycle, participants and dimensions. */
public record Competition(
        String code,
        String name,
        BigDecimal weight,
        Cycle cycle,
        List<String> participants,
        List<Dimension> dimensions) {
}
