package cn.bipin.project;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One version of a project of a unit's list; dates null when not (yet) started or completed.
 *
 * @param investment total investment in the list's measure (万元 by default)
 */
record ProjectRecord(String projectId, int version, String unitCode, String name, BigDecimal investment,
                     LocalDate start, LocalDate completion, String note) {
}
