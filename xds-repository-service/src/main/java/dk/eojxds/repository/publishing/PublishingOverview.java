package dk.eojxds.repository.publishing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dk.eojxds.handover.RegistryVersions;
import dk.eojxds.model.DataFamily;
import dk.eojxds.repository.reference.Municipalities;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Every municipality's publishing state per family, with who set it, when and why, and how many
 * series wait because of it (their newest state is not at the registry); and the series whose
 * author's SOR code maps to no municipality, which wait too. Read by the operator API, the status
 * page and the metrics.
 */
@Component
public class PublishingOverview {

    private final Publications publications;
    private final Municipalities municipalities;
    private final RegistryVersions versions;

    PublishingOverview(Publications publications, Municipalities municipalities, RegistryVersions versions) {
        this.publications = publications;
        this.municipalities = municipalities;
        this.versions = versions;
    }

    /** One municipality and family. {@code changedAt} and {@code changedBy} are null while nobody has decided. */
    public record Row(int code, String name, String sorCode, String family, PublishingState state, Instant changedAt,
                      String changedBy, String reason, long waitingSeries) {

        private static final DateTimeFormatter DANISH = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")
                .withZone(ZoneId.of("Europe/Copenhagen"));

        /** When it changed and by whom, as the status page shows it (empty while nobody has decided). */
        public String changedText() {
            return changedAt == null ? "" : DANISH.format(changedAt) + ", " + changedBy;
        }
    }

    /** Series held because their author's SOR code is no municipality's in the reference data. */
    public record Unmapped(String authorSor, String family, long waitingSeries) {
    }

    public record Overview(List<Row> rows, List<Unmapped> unmapped,
                           @JsonIgnore Map<Integer, Map<String, Row>> byMunicipality) {

        Overview(List<Row> rows, List<Unmapped> unmapped) {
            this(rows, unmapped, rows.stream().collect(Collectors.groupingBy(Row::code,
                    Collectors.toMap(Row::family, Function.identity()))));
        }

        /** Series waiting, per the state of the municipality they wait for. */
        public Map<PublishingState, Long> waitingByState() {
            Map<PublishingState, Long> waiting = new EnumMap<>(PublishingState.class);
            for (PublishingState state : PublishingState.values()) {
                waiting.put(state, 0L);
            }
            rows.forEach(r -> waiting.merge(r.state(), r.waitingSeries(), Long::sum));
            return waiting;
        }

        public long waitingUnmapped() {
            return unmapped.stream().mapToLong(Unmapped::waitingSeries).sum();
        }

        /** Municipalities per state, counting one that is live for some families and not others in each. */
        public Map<PublishingState, Long> municipalitiesByState() {
            Map<PublishingState, Long> count = new EnumMap<>(PublishingState.class);
            for (PublishingState state : PublishingState.values()) {
                count.put(state, rows.stream().filter(r -> r.state() == state).map(Row::code).distinct().count());
            }
            return count;
        }

        /** The rows of one municipality, by family (the status page asks for each of its rows). */
        public Map<String, Row> of(int code) {
            return byMunicipality.getOrDefault(code, Map.of());
        }
    }

    public Overview now() {
        Map<String, Publications.Publication> recorded = publications.recorded().stream()
                .collect(Collectors.toMap(p -> p.municipalityCode() + "/" + p.family(), Function.identity()));
        List<RegistryVersions.Held> heldSeries = versions.held();
        Map<String, Long> held = new HashMap<>();
        for (RegistryVersions.Held h : heldSeries) {
            held.put(h.authorSor() + "/" + h.family(), h.series());
        }
        List<Row> rows = new ArrayList<>();
        Set<String> mapped = new HashSet<>();
        for (Municipalities.Municipality m : municipalities.all()) {
            for (DataFamily family : DataFamily.values()) {
                Publications.Publication p = recorded.get(m.code() + "/" + family.name());
                String key = m.sorCode() + "/" + family.name();
                long waiting = m.sorCode() == null ? 0 : held.getOrDefault(key, 0L);
                mapped.add(key);
                rows.add(p == null
                        ? new Row(m.code(), m.name(), m.sorCode(), family.name(), PublishingState.PENDING, null, null,
                        null, waiting)
                        : new Row(m.code(), m.name(), m.sorCode(), family.name(), p.state(), p.changedAt(),
                        p.changedBy(), p.reason(), waiting));
            }
        }
        List<Unmapped> unmapped = heldSeries.stream().filter(h -> !mapped.contains(h.authorSor() + "/" + h.family()))
                .map(h -> new Unmapped(h.authorSor(), h.family(), h.series())).toList();
        return new Overview(rows, unmapped);
    }
}
