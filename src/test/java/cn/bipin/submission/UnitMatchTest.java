package cn.bipin.submission;

import static cn.bipin.testsupport.TestScheme.SCHEME;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Unit codes as clerks write them (issue 12 C): exact, near misses taken with a note, unknown ones with a guess. */
class UnitMatchTest {

    @Test
    void exactCodeHasNoNote() {
        UnitMatch m = UnitMatch.of(SCHEME, " fgj ");
        assertThat(m.unit().code()).isEqualTo("fgj");
        assertThat(m.note()).isNull();
    }

    @Test
    void caseSpacesFullWidthAndTheChineseNameAreNearMisses() {
        assertThat(UnitMatch.of(SCHEME, "FGJ").note()).isEqualTo("单位代码 'FGJ' 按 fgj（发展和改革局）读取，今后请填写 fgj");
        assertThat(UnitMatch.of(SCHEME, "fgj\u00A0").note()).startsWith("单位代码 'fgj\\u00A0' 按 fgj");
        assertThat(UnitMatch.of(SCHEME, "ｆｇｊ").unit().code()).isEqualTo("fgj");
        assertThat(UnitMatch.of(SCHEME, "Ｆgj").unit().code()).isEqualTo("fgj");
        assertThat(UnitMatch.of(SCHEME, "金凤镇").unit().code()).isEqualTo("jfz");
    }

    @Test
    void anUnknownCodeIsNotGuessedButSuggestedWhenOnlyOneUnitFits() {
        UnitMatch typo = UnitMatch.of(SCHEME, "fgi"); // one letter off fgj
        assertThat(typo.unit()).isNull();
        assertThat(typo.suggestion().code()).isEqualTo("fgj");
        assertThat(UnitMatch.of(SCHEME, "金凤").suggestion().code()).isEqualTo("jfz"); // part of 金凤镇 only
        assertThat(UnitMatch.of(SCHEME, "x9").suggestion()).isNull();
        assertThat(UnitMatch.of(SCHEME, "").unit()).isNull();
    }
}
