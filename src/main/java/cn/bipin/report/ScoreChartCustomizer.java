package cn.bipin.report;

import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;

/**
 * What JRXML cannot say about the score chart: bars stay slim when a competition has few units (five page-wide
 * bars read as a different kind of chart), and a unit's name under its bar is printed whole (工业信息化和科学技术局,
 * not 工业信息…: JFreeChart cuts a rotated label at half the plot's height unless told otherwise). Named by the
 * template's {@code customizerClass}.
 */
public class ScoreChartCustomizer implements JRChartCustomizer {

    /** Share of the category axis one bar may take at most. */
    static final double MAX_BAR_WIDTH = 0.06;

    /** Longest a category label may be, as a share of the plot's height: room for an 11-character name at 7 pt. */
    static final float MAX_LABEL_WIDTH_RATIO = 3.0f;

    public ScoreChartCustomizer() {
    }

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        if (chart.getPlot() instanceof CategoryPlot plot && plot.getRenderer() instanceof BarRenderer renderer) {
            renderer.setMaximumBarWidth(MAX_BAR_WIDTH);
            plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(MAX_LABEL_WIDTH_RATIO);
        }
    }
}
