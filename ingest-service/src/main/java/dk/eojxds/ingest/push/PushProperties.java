package dk.eojxds.ingest.push;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The FSIII push channel (prefix {@code eojxds.push}).
 *
 * @param maxRequestBytes the largest delivery read; a larger one is answered 413 without being read
 */
@Validated
@ConfigurationProperties("eojxds.push")
record PushProperties(@Min(1024) @DefaultValue("8388608") long maxRequestBytes) {
}
