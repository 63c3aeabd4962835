package dk.eojxds.repository.statistics;

import dk.eojxds.edge.BoundedBody;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The municipality reference data operators load ({@code POST /admin/reference/municipalities}, CSV
 * {@code code;name;region;sor}, the SOR column may be empty; {@code ops/reference/municipalities.csv}
 * holds the country's 98) and read back ({@code GET}).
 */
@RestController
class MunicipalityReferenceController {

    private static final Logger log = LoggerFactory.getLogger(MunicipalityReferenceController.class);
    private static final long MAX_BYTES = 1L << 20;

    private final Municipalities municipalities;

    MunicipalityReferenceController(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    @GetMapping("/admin/reference/municipalities")
    List<Municipalities.Municipality> list() {
        return municipalities.all();
    }

    @PostMapping(path = "/admin/reference/municipalities", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Transactional
    Map<String, Object> load(HttpServletRequest request, Principal operator) throws IOException {
        String csv = new String(BoundedBody.read(request, MAX_BYTES), StandardCharsets.UTF_8);
        List<Municipalities.Municipality> rows = new ArrayList<>();
        int line = 0;
        for (String text : csv.split("\\R")) {
            line++;
            if (text.isBlank() || text.startsWith("#") || text.toLowerCase().startsWith("code;")) {
                continue;
            }
            String[] c = text.split(";", -1);
            if (c.length != 4 || !c[0].trim().matches("[1-9]\\d{2}") || c[1].isBlank()
                    || !(c[3].isBlank() || c[3].trim().matches("[1-9]\\d{0,17}"))) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "line " + line
                        + ": expected 'code;name;region;sor' with a three-digit municipality code and a numeric SOR code or none");
            }
            rows.add(new Municipalities.Municipality(Integer.parseInt(c[0].trim()), c[1].trim(),
                    c[2].isBlank() ? null : c[2].trim(), c[3].isBlank() ? null : c[3].trim()));
        }
        log.info("Municipality reference data ({} rows) loaded by {}", rows.size(), operator.getName());
        return Map.of("loaded", municipalities.load(rows));
    }
}
