package dk.eojxds.ingest.load;

import dk.eojxds.handover.WorkerThreads;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Runs the initial load named by {@code eojxds.initial-load.files} at start, with a progress bar on
 * the console; with {@code eojxds.initial-load.exit=true} the application stops afterwards (the
 * README's {@code bin/initial-load}).
 */
@Component
class InitialLoadRunner implements ApplicationRunner {

    private final InitialLoad load;
    private final InitialLoadProgress progress;
    private final InitialLoadProperties properties;
    private final ConfigurableApplicationContext context;

    InitialLoadRunner(InitialLoad load, InitialLoadProgress progress, InitialLoadProperties properties,
                      ConfigurableApplicationContext context) {
        this.load = load;
        this.progress = progress;
        this.properties = properties;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.files().isEmpty()) {
            return;
        }
        ScheduledExecutorService ticker = WorkerThreads.scheduled("initial-load-progress");
        ticker.scheduleAtFixedRate(() -> System.out.print("\r" + ConsoleBar.render(progress.snapshot())), 0, 500,
                TimeUnit.MILLISECONDS);
        int exitCode = 0;
        try {
            load.run(properties.files());
        } catch (RuntimeException e) {
            exitCode = 1;
            throw e;
        } finally {
            ticker.shutdownNow();
            System.out.println("\r" + ConsoleBar.render(progress.snapshot()));
            if (properties.exit()) {
                int code = exitCode;
                System.exit(SpringApplication.exit(context, () -> code));
            }
        }
    }
}
