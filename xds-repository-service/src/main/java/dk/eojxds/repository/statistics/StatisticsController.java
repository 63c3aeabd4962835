package dk.eojxds.repository.statistics;

import dk.eojxds.edge.BoundedBody;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The programme's statistics as JSON or CSV ({@code format=csv}), and the SOR reference data
 * operators load ({@code POST /admin/reference/sor-units}, CSV {@code sor;kind;name}).
 */
@RestController
class StatisticsController {

    private static final Logger log = LoggerFactory.getLogger(StatisticsController.class);

    private static final Set<String> KINDS = Set.of("EMERGENCY_DEPARTMENT", "GENERAL_PRACTICE", "MUNICIPALITY",
            "HOSPITAL", "OTHER");

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

    static final long MAX_REFERENCE_BYTES = 32L << 20;

    @PostMapping(path = "/admin/reference/sor-units", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Transactional
    Map<String, Object> loadSorUnits(HttpServletRequest request, Principal operator) throws IOException {
        // the whole national SOR register is a few MB; nothing larger is read
        String csv = new String(BoundedBody.read(request, MAX_REFERENCE_BYTES), StandardCharsets.UTF_8);
        log.info("SOR reference data loaded by {}", operator.getName());
        List<String[]> rows = new ArrayList<>();
        int line = 0;
        for (String text : csv.split("\\R")) {
            line++;
            if (text.isBlank() || text.startsWith("#") || text.toLowerCase().startsWith("sor;")) {
                continue;
            }
            String[] columns = text.split(";", -1);
            if (columns.length != 3 || !columns[0].trim().matches("[1-9]\\d{0,17}") || !KINDS.contains(columns[1].trim())) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "line " + line
                        + ": expected 'sor;kind;name' with kind one of " + KINDS);
            }
            rows.add(columns);
        }
        return Map.of("loaded", statistics.loadUnits(rows));
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
