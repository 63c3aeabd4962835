package dk.eojxds.repository.statistics;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The programme's statistics as JSON or CSV ({@code format=csv}); the SOR units they count are
 * reference data ({@code reference}).
 */
@RestController
class StatisticsController {



    private final UsageStatistics statistics;

    StatisticsController(UsageStatistics statistics) {
        this.statistics = statistics;
    }

    // from and to name months (YYYY-MM), or any day of them (YYYY-MM-DD): the figures are monthly
    @GetMapping("/statistics/citizens-per-month")
    ResponseEntity<?> citizens(@RequestParam String from, @RequestParam String to,
                               @RequestParam(defaultValue = "json") String format) {
        return answer(statistics.citizensPerMonth(month(from), month(to)), format);
    }

    @GetMapping("/statistics/citizens-reading-own-data")
    ResponseEntity<?> citizensReadingOwnData(@RequestParam String from, @RequestParam String to,
                                             @RequestParam(defaultValue = "json") String format) {
        return answer(statistics.citizensReadingOwnData(month(from), month(to)), format);
    }

    @GetMapping("/statistics/emergency-departments")
    ResponseEntity<?> emergencyDepartments(@RequestParam String from, @RequestParam String to,
                                           @RequestParam(defaultValue = "json") String format) {
        return answer(statistics.unitsWithLookups("EMERGENCY_DEPARTMENT", month(from), month(to)), format);
    }

    @GetMapping("/statistics/general-practices")
    ResponseEntity<?> generalPractices(@RequestParam String from, @RequestParam String to,
                                       @RequestParam(defaultValue = "json") String format) {
        return answer(statistics.unitsWithLookups("GENERAL_PRACTICE", month(from), month(to)), format);
    }

    @GetMapping("/statistics/lookups-per-municipality")
    ResponseEntity<?> perMunicipality(@RequestParam String from, @RequestParam String to,
                                      @RequestParam(defaultValue = "json") String format) {
        return answer(statistics.lookupsPerMunicipality(month(from), month(to)), format);
    }

    static YearMonth month(String text) {
        try {
            return text.length() == 7 ? YearMonth.parse(text) : YearMonth.from(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'" + text + "' is not a month (YYYY-MM) or a day (YYYY-MM-DD)");
        }
    }

    static ResponseEntity<?> answer(List<Map<String, Object>> rows, String format) {
        if (!"csv".equalsIgnoreCase(format)) {
            return ResponseEntity.ok(rows);
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(csv(rows));
    }

    static String csv(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder();
        Set<String> columns = rows.isEmpty() ? Set.of() : new LinkedHashSet<>(rows.get(0).keySet());
        out.append(String.join(";", columns)).append('\n');
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                Object value = row.get(column);
                String text = value == null ? "" : value.toString();
                cells.add(text.contains(";") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text);
            }
            out.append(String.join(";", cells)).append('\n');
        }
        return out.toString();
    }
}
