package cn.bipin.report;

import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;

/**
 * Keeps bars slim when a competition has few units: JRXML has no attribute for a maximum bar width, and
 * five page-wide bars read as a different kind of chart. Named by the template's {@code customizerClass}.
 */
public class ScoreChartCustomizer implements JRChartCustomizer {

    /** Share of the category axis one bar may take at most. */
    static final double MAX_BAR_WIDTH = 0.06;

    public ScoreChartCustomizer() {
    }

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        if (chart.getPlot() instanceof CategoryPlot plot && plot.getRenderer() instanceof BarRenderer renderer) {
            renderer.setMaximumBarWidth(MAX_BAR_WIDTH);
        }
    }
}
