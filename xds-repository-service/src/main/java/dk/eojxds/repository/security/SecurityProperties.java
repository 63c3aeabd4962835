package dk.eojxds.repository.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call ITI-43 (prefix {@code eojxds.security}).
 *
 * @param mode                {@code none} (local only, logged loudly) or {@code dgws}
 * @param trustedCertificates PEM file with the certificates whose signatures (or whose issued
 *                            certificates' signatures) are trusted on ID cards: the national STS
 * @param clockSkew           tolerance on the card's validity window
 * @param minimumLevel        lowest DGWS security level accepted
 */
@Validated
@ConfigurationProperties("eojxds.security")
public record SecurityProperties(@NotNull Mode mode, String trustedCertificates, @NotNull Duration clockSkew,
                                 @Min(1) @Max(5) int minimumLevel) {

    public enum Mode { NONE, DGWS }
}
