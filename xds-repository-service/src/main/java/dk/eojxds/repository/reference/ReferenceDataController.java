package dk.eojxds.repository.reference;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reference data operators load and read back: the municipalities
 * ({@code /admin/reference/municipalities}, CSV {@code code;name;region;sor}, the SOR column may be
 * empty; {@code ops/reference/municipalities.csv} holds the country's 98) and the SOR units the
 * statistics count ({@code POST /admin/reference/sor-units}, CSV {@code sor;kind;name}).
 */
@RestController
class ReferenceDataController {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataController.class);
    private static final long MAX_MUNICIPALITY_BYTES = 1L << 20;
    // the whole national SOR register is a few MB; nothing larger is read
    static final long MAX_SOR_BYTES = 32L << 20;

    private final Municipalities municipalities;
    private final SorUnits units;
    private final ApplicationEventPublisher events;

    ReferenceDataController(Municipalities municipalities, SorUnits units, ApplicationEventPublisher events) {
        this.municipalities = municipalities;
        this.units = units;
        this.events = events;
    }

    @GetMapping("/admin/reference/municipalities")
    List<Municipalities.Municipality> municipalities() {
        return municipalities.all();
    }

    @PostMapping(path = "/admin/reference/municipalities", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Transactional
    Map<String, Object> loadMunicipalities(HttpServletRequest request, Principal operator) throws IOException {
        List<Municipalities.Municipality> rows = ReferenceCsv.read(request, MAX_MUNICIPALITY_BYTES, "code", 4,
                        c -> c[0].matches("[1-9]\\d{2}") && !c[1].isEmpty() && (c[3].isEmpty() || c[3].matches("[1-9]\\d{0,17}")),
                        "'code;name;region;sor' with a three-digit municipality code and a numeric SOR code or none")
                .stream().map(c -> new Municipalities.Municipality(Integer.parseInt(c[0]), c[1],
                        c[2].isEmpty() ? null : c[2], c[3].isEmpty() ? null : c[3])).toList();
        log.info("Municipality reference data ({} rows) loaded by {}", rows.size(), operator.getName());
        int loaded = municipalities.load(rows);
        events.publishEvent(new MunicipalitiesLoaded(loaded));
        return Map.of("loaded", loaded);
    }

    @PostMapping(path = "/admin/reference/sor-units", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Transactional
    Map<String, Object> loadSorUnits(HttpServletRequest request, Principal operator) throws IOException {
        List<String[]> rows = ReferenceCsv.read(request, MAX_SOR_BYTES, "sor", 3,
                c -> c[0].matches("[1-9]\\d{0,17}") && SorUnits.KINDS.contains(c[1]),
                "'sor;kind;name' with kind one of " + SorUnits.KINDS);
        log.info("SOR reference data ({} rows) loaded by {}", rows.size(), operator.getName());
        return Map.of("loaded", units.load(rows));
    }
}
