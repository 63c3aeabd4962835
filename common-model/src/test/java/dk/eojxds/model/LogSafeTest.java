package dk.eojxds.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Caller-supplied text cannot forge log lines or carry NUL into an audit column. */
class LogSafeTest {

    @Test
    void lineBreaksAndControlCharactersAreReplacedAndLongTextIsCut() {
        assertThat(LogSafe.text("urn:x\r\n2026-12-02 INFO forged line\u0000\u2028"))
                .isEqualTo("urn:x??2026-12-02 INFO forged line??");
        assertThat(LogSafe.text("a".repeat(1000))).hasSize(LogSafe.MAX + 1).endsWith("…");
        assertThat(LogSafe.text(null)).isNull();
    }
}
