package dk.eojxds.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CprTest {

    @Test
    void acceptsTenDigitsStartingWithARealDate() {
        Cpr cpr = Cpr.of("0101501234");
        assertThat(cpr.birthDate()).isEqualTo(LocalDate.of(1950, 1, 1));
    }

    @Test
    void seventhDigitDecidesTheCentury() {
        assertThat(Cpr.of("2902044000").birthDate()).isEqualTo(LocalDate.of(2004, 2, 29));
        assertThat(Cpr.of("0101994000").birthDate()).isEqualTo(LocalDate.of(1999, 1, 1));
        assertThat(Cpr.of("0101605000").birthDate()).isEqualTo(LocalDate.of(1860, 1, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"010150123", "01015012345", "01015O1234", "3201501234", "2902011234", "0013501234"})
    void rejectsWrongSyntaxOrImpossibleDates(String value) {
        assertThatThrownBy(() -> Cpr.of(value)).isInstanceOf(InvalidIdentifierException.class);
        assertThat(Cpr.isValid(value)).isFalse();
    }

    @Test
    void neverPrintsTheSerialPart() {
        Cpr cpr = Cpr.of("0101501234");
        assertThat(cpr.toString()).isEqualTo("010150-****").doesNotContain("1234");
    }

    @Test
    void formatsTheDanishXdsPatientId() {
        assertThat(Cpr.of("0101501234").xdsPatientId()).isEqualTo("0101501234^^^&1.2.208.176.1.2&ISO");
    }

    @Test
    void everyCprShapedNumberInFreeTextIsMasked() {
        assertThat(Cpr.maskAll("Key (citizen_cpr)=(0101501234) already exists; also 010150-1234 and id 12345678901"))
                .isEqualTo("Key (citizen_cpr)=(010150-****) already exists; also 010150-**** and id 12345678901");
        assertThat(Cpr.maskAll(null)).isNull();
    }

    @Test
    void aBirthDateInTheFutureIsNoCprNumber() {
        assertThatThrownBy(() -> Cpr.of("0101364000")).hasMessageContaining("future");
        assertThat(Cpr.isValid("0101994000")).isTrue();
    }
}
