package dk.eojxds.repository.reference;

import dk.eojxds.edge.BoundedBody;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reads an operator's reference-data upload: UTF-8 CSV with {@code ;} between columns, blank lines,
 * {@code #} comments and a header line (starting with {@code header;}) skipped. A line that does not
 * have the expected columns, or that the check refuses, answers 400 with its line number and the
 * expected shape, and nothing of the file is loaded.
 */
final class ReferenceCsv {

    private ReferenceCsv() {
    }

    static List<String[]> read(HttpServletRequest request, long maxBytes, String header, int columns,
                               Predicate<String[]> valid, String expected) throws IOException {
        String csv = new String(BoundedBody.read(request, maxBytes), StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        int line = 0;
        for (String text : csv.split("\\R")) {
            line++;
            if (text.isBlank() || text.startsWith("#") || text.toLowerCase().startsWith(header + ";")) {
                continue;
            }
            String[] cells = text.split(";", -1);
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].trim();
            }
            if (cells.length != columns || !valid.test(cells)) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "line " + line + ": expected " + expected);
            }
            rows.add(cells);
        }
        return rows;
    }
}
