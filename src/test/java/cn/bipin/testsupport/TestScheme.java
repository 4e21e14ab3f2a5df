package cn.bipin.testsupport;

import cn.bipin.scheme.Basis;
import cn.bipin.scheme.Competition;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Direction;
import cn.bipin.scheme.Method;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;
import cn.bipin.scheme.UnitGroup;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** A tiny scheme: two units, one monthly competition with a %, an amount and a growth dimension. */
public final class TestScheme {

    public static final Unit FGJ = new Unit("fgj", "发展和改革局", UnitGroup.DEPARTMENT);
    public static final Unit JFZ = new Unit("jfz", "金凤镇", UnitGroup.TOWN);
    public static final Dimension START_RATE = dim("c2_start_rate", "项目开工率", "%", Method.PROGRESS_RATIO, Basis.RATE, false);
    public static final Dimension FUNDS = dim("c3_funds", "完成招商资金", "万元", Method.TARGET_RATIO, Basis.CUMULATIVE, false);
    public static final Dimension GROWTH = dim("c4_growth", "增长率", "%", Method.EFFICACY, Basis.RATE, true);
    public static final List<Dimension> DIMENSIONS = List.of(START_RATE, FUNDS, GROWTH);
    public static final Competition COMPETITION = new Competition("c4", "产业发展比拼", BigDecimal.TEN, Cycle.MONTHLY,
            List.of(FGJ.code(), JFZ.code()), DIMENSIONS);
    public static final Scheme SCHEME = new Scheme("test-2024", "金凤区\"双拼双促\"", 2024, YearMonth.of(2024, 5), 20,
            List.of(FGJ, JFZ), List.of(COMPETITION),
            Map.of(FUNDS.code(), Map.of(FGJ.code(), new BigDecimal("5000"), JFZ.code(), new BigDecimal("3000"))),
            List.of(), Map.of(), Map.of(), cn.bipin.scheme.AwardRules.none(), Path.of("jobs/test-2024.yaml"), Map.of());
    public static final Period JUNE = Period.month(2024, 6);

    private TestScheme() {
    }

    private static Dimension dim(String code, String name, String measure, Method method, Basis basis, boolean negative) {
        return new Dimension(code, name, measure, BigDecimal.ONE, method, Direction.HIGHER_IS_BETTER, basis,
                BigDecimal.valueOf(100), BigDecimal.valueOf(5), BigDecimal.valueOf(60), null, negative);
    }
}
