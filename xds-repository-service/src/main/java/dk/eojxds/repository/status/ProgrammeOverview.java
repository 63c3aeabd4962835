package dk.eojxds.repository.status;

import dk.eojxds.repository.reference.SorUnits;
import dk.eojxds.repository.statistics.UsageStatistics;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The programme's figures against its targets, from the same statistics the CSV export and the
 * JSON API answer with (so the three always agree): look-ups per municipality per month, citizens
 * reading their own data per month, emergency departments and GP practices with a look-up.
 */
@Component
class ProgrammeOverview {

    private final UsageStatistics statistics;
    private final SorUnits units;
    private final StatusProperties properties;

    ProgrammeOverview(UsageStatistics statistics, SorUnits units, StatusProperties properties) {
        this.statistics = statistics;
        this.units = units;
        this.properties = properties;
    }

    record Month(String month, long lookups, long citizens, boolean citizensTargetMet) {
    }

    /** Look-ups of one municipality, one cell per shown month (in the order of {@link Programme#months}). */
    record MunicipalityLookups(String municipality, String sor, List<Long> perMonth, long total) {
    }

    record Unit(String sor, String name, long lookups, String firstLookup) {
    }

    /**
     * @param emergencyDepartmentsWithout the reference data's emergency departments with no look-up yet
     * @param generalPractices            the GP practices with the most look-ups (at most {@link #SHOWN_PRACTICES})
     * @param generalPracticesWith        how many GP practices have at least one look-up
     */
    record Programme(String from, String to, List<Month> months, Chart lookupsChart, Chart citizensChart,
                     List<MunicipalityLookups> perMunicipality, List<Long> nationalPerMonth,
                     List<Unit> emergencyDepartments, long emergencyDepartmentsKnown, List<String> emergencyDepartmentsWithout,
                     List<Unit> generalPractices, long generalPracticesWith, long citizensTarget, long gpTarget) {
    }

    // the country has about 1,700 practices: the page lists the busiest, the CSV export all
    static final int SHOWN_PRACTICES = 25;

    Programme programme(YearMonth to) {
        YearMonth from = to.minusMonths(properties.months() - 1L);
        List<String> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        Map<String, Long> national = new TreeMap<>();
        Map<String, MunicipalityRowBuilder> perMunicipality = new LinkedHashMap<>();
        for (Map<String, Object> row : statistics.lookupsPerMunicipality(from, to)) {
            String month = (String) row.get("month");
            long lookups = ((Number) row.get("lookups")).longValue();
            national.merge(month, lookups, Long::sum);
            String sor = (String) row.get("municipality_sor");
            String name = row.get("municipality") == null ? "Ukendt" : (String) row.get("municipality");
            perMunicipality.computeIfAbsent(sor + "|" + name, k -> new MunicipalityRowBuilder(name, sor))
                    .add(month, lookups);
        }
        Map<String, Long> citizens = new TreeMap<>();
        for (Map<String, Object> row : statistics.citizensReadingOwnData(from, to)) {
            citizens.put((String) row.get("month"), ((Number) row.get("citizens")).longValue());
        }
        List<Month> shown = months.stream().map(m -> new Month(m, national.getOrDefault(m, 0L),
                citizens.getOrDefault(m, 0L), citizens.getOrDefault(m, 0L) >= properties.citizensTarget())).toList();
        List<MunicipalityLookups> table = perMunicipality.values().stream().map(b -> b.build(months))
                .sorted((a, b) -> Long.compare(b.total(), a.total())).toList();
        List<Unit> emergencyDepartments = units("EMERGENCY_DEPARTMENT", from, to);
        Set<String> withLookups = emergencyDepartments.stream().map(Unit::sor)
                .collect(Collectors.toSet());
        List<Map<String, Object>> known = units.ofKind("EMERGENCY_DEPARTMENT");
        List<Unit> practices = units("GENERAL_PRACTICE", from, to);
        return new Programme(from.toString(), to.toString(), shown,
                Chart.bars("Opslag pr. måned", months, months.stream().map(m -> national.getOrDefault(m, 0L)).toList(), null),
                Chart.bars("Borgere, der har set egne data, pr. måned", months,
                        months.stream().map(m -> citizens.getOrDefault(m, 0L)).toList(), properties.citizensTarget()),
                table, months.stream().map(m -> national.getOrDefault(m, 0L)).toList(),
                emergencyDepartments, known.size(),
                known.stream().filter(u -> !withLookups.contains(u.get("sor_code"))).map(u -> (String) u.get("name")).toList(),
                practices.stream().sorted((a, b) -> Long.compare(b.lookups(), a.lookups())).limit(SHOWN_PRACTICES).toList(),
                practices.size(), properties.citizensTarget(), properties.gpTarget());
    }

    private List<Unit> units(String kind, YearMonth from, YearMonth to) {
        return statistics.unitsWithLookups(kind, from, to).stream()
                .map(r -> new Unit((String) r.get("sor_code"), (String) r.get("name"),
                        ((Number) r.get("lookups")).longValue(),
                        Display.when(r.get("first_lookup") instanceof Timestamp t ? t.toInstant() : null)))
                .toList();
    }

    private static final class MunicipalityRowBuilder {
        private final String name;
        private final String sor;
        private final Map<String, Long> perMonth = new TreeMap<>();

        MunicipalityRowBuilder(String name, String sor) {
            this.name = name;
            this.sor = sor;
        }

        void add(String month, long lookups) {
            perMonth.merge(month, lookups, Long::sum);
        }

        MunicipalityLookups build(List<String> months) {
            List<Long> cells = months.stream().map(m -> perMonth.getOrDefault(m, 0L)).toList();
            return new MunicipalityLookups(name, sor, cells, cells.stream().mapToLong(Long::longValue).sum());
        }
    }
}
