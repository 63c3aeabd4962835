package dk.eojxds.repository.status;

import dk.eojxds.handover.PublishedStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.stream.Collectors;
import dk.eojxds.repository.publishing.PublishingOverview;
import dk.eojxds.repository.publishing.PublishingState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The operators' status page (operator role, like every admin API): municipalities, the pipeline
 * and the programme, each a page of its own so that each answers quickly. Server-rendered with no
 * script at all; the charts are SVG drawn on the server.
 */
@Controller
class StatusPageController {

    // no script, no frames, nothing from elsewhere: only the page, its style sheet and inline SVG
    private static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final Logger log = LoggerFactory.getLogger(StatusPageController.class);

    private static final Map<String, String> FAMILY_LABELS = MunicipalityOverview.FAMILIES.stream()
            .collect(Collectors.toMap(f -> f, Display::family));

    private static final Map<PublishingState, String> STATE_LABELS = Map.of(PublishingState.PENDING, "afventer",
            PublishingState.LIVE, "live", PublishingState.PAUSED, "sat på pause", PublishingState.WITHDRAWN,
            "trukket tilbage");

    private final MunicipalityOverview municipalities;
    private final PipelineOverview pipeline;
    private final ProgrammeOverview programme;
    private final PublishingOverview publishing;

    StatusPageController(MunicipalityOverview municipalities, PipelineOverview pipeline, ProgrammeOverview programme,
                         PublishingOverview publishing) {
        this.municipalities = municipalities;
        this.pipeline = pipeline;
        this.programme = programme;
        this.publishing = publishing;
    }

    @GetMapping("/status")
    String municipalities(@RequestParam(name = "familie", required = false) String family,
                          @RequestParam(name = "problemer", defaultValue = "false") boolean onlyProblems,
                          Model model, HttpServletResponse response) {
        String only = family != null && MunicipalityOverview.FAMILIES.contains(family) ? family : null;
        model.addAttribute("overview", municipalities.overview(only, onlyProblems));
        model.addAttribute("publishing", publishing.now());
        model.addAttribute("stateLabels", STATE_LABELS);
        model.addAttribute("family", only);
        model.addAttribute("onlyProblems", onlyProblems);
        model.addAttribute("families", MunicipalityOverview.FAMILIES);
        model.addAttribute("familyLabels", FAMILY_LABELS);
        return page("municipalities", model, response);
    }

    @GetMapping("/status/pipeline")
    String pipeline(Model model, HttpServletResponse response) {
        model.addAttribute("pipeline", pipeline.pipeline());
        return page("pipeline", model, response);
    }

    /** The figures of the months up to {@code til} (YYYY-MM; this month when absent). */
    @GetMapping("/status/programme")
    String programme(@RequestParam(name = "til", required = false) String to, Model model,
                     HttpServletResponse response) {
        YearMonth last;
        try {
            last = to == null || to.isBlank() ? YearMonth.now(Display.DANISH_TIME) : YearMonth.parse(to);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "til must be a month, YYYY-MM");
        }
        model.addAttribute("programme", programme.programme(last));
        return page("programme", model, response);
    }

    /**
     * The pages read the tables ingest-service and registry-adapter publish. On a fresh
     * installation this service can be up before they have created them: the page is then not
     * available yet (503, try again shortly), which is not a server fault. Any other SQL error
     * stays a server error.
     */
    @ExceptionHandler(BadSqlGrammarException.class)
    ResponseEntity<ProblemDetail> otherServicesNotReady(BadSqlGrammarException e) {
        if (!PublishedStatus.notPublishedYet(e)) {
            throw e;
        }
        log.warn("Status page not available yet: {}", e.getMostSpecificCause().getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The status page needs the tables of ingest-service and registry-adapter, which create them "
                        + "when they first start; not all are there yet.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(problem);
    }

    private static String page(String name, Model model, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("section", name);
        return "status/" + name;
    }
}
