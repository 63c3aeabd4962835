package dk.eojxds.model;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The home measurements (TELMA) the bridge knows, by their NPU code, with the unit they must
 * be reported in and the range of physiologically plausible values.
 */
public enum HomeMeasurement {
    WEIGHT("NPU03804", "Legeme masse", "Pt—Legeme; masse = ? kg", "kg", "1", "400"),
    PULSE("NPU21692", "Puls", "Hjerte—Systole; frekvens = ? × 1/min", "/min", "20", "250"),
    OXYGEN_SATURATION("NPU03011", "Iltmætning", "Hb(Fe; O2-bind.; aB)—Oxygen(O2); mætning = ?", "%", "50", "100"),
    SYSTOLIC_PRESSURE("DNK05472", "Blodtryk systolisk", "Arm—Blodtryk(systolisk); tryk = ? mmHg", "mm[Hg]", "50", "280"),
    DIASTOLIC_PRESSURE("DNK05473", "Blodtryk diastolisk", "Arm—Blodtryk(diastolisk); tryk = ? mmHg", "mm[Hg]", "20", "200"),
    HOME_SYSTOLIC_PRESSURE("MCS88019", "Hjemmeblodtryk systolisk", "Arm—Blodtryk(systolisk); tryk(hjemme) = ? mmHg",
            "mm[Hg]", "50", "280"),
    HOME_DIASTOLIC_PRESSURE("MCS88020", "Hjemmeblodtryk diastolisk", "Arm—Blodtryk(diastolisk); tryk(hjemme) = ? mmHg",
            "mm[Hg]", "20", "200");

    private final String npuCode;
    private final String danishName;
    private final String npuDisplay;
    private final String unit;
    private final BigDecimal min;
    private final BigDecimal max;

    HomeMeasurement(String npuCode, String danishName, String npuDisplay, String unit, String min, String max) {
        this.npuCode = npuCode;
        this.danishName = danishName;
        this.npuDisplay = npuDisplay;
        this.unit = unit;
        this.min = new BigDecimal(min);
        this.max = new BigDecimal(max);
    }

    public static Optional<HomeMeasurement> byNpuCode(String code) {
        return Arrays.stream(values()).filter(m -> m.npuCode.equals(code)).findFirst();
    }

    public String npuCode() {
        return npuCode;
    }

    public String danishName() {
        return danishName;
    }

    public String npuDisplay() {
        return npuDisplay;
    }

    /** UCUM unit. */
    public String unit() {
        return unit;
    }

    public boolean isPlausible(BigDecimal value) {
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    public Code asCode() {
        return new Code(npuCode, DkXdsCodes.measurementCodeSystem(npuCode), npuDisplay);
    }
}
