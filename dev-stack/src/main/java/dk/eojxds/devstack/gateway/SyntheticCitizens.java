package dk.eojxds.devstack.gateway;

import dk.eojxds.model.Cpr;
import dk.eojxds.model.Organisation;
import dk.eojxds.model.SorCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Synthetic citizens with valid, fictitious CPR numbers, spread over a few municipalities. */
public final class SyntheticCitizens {

    /** Fictitious SOR codes for the municipalities the simulator serves. */
    public static final List<Organisation> MUNICIPALITIES = List.of(
            new Organisation("Københavns Kommune", SorCode.of("1301000016001")),
            new Organisation("Aarhus Kommune", SorCode.of("1301000016002")),
            new Organisation("Odense Kommune", SorCode.of("1301000016003")),
            new Organisation("Aalborg Kommune", SorCode.of("1301000016004")),
            new Organisation("Ærø Kommune", SorCode.of("1301000016005")));

    private SyntheticCitizens() {
    }

    public record Citizen(Cpr cpr, Organisation municipality) {
    }

    public static List<Citizen> create(int count, Random random) {
        List<Citizen> citizens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate born = LocalDate.of(1930 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28));
            // seventh digit 0-3 means the 1900s for every year
            String cpr = String.format("%02d%02d%02d%d%03d", born.getDayOfMonth(), born.getMonthValue(),
                    born.getYear() % 100, random.nextInt(4), random.nextInt(1000));
            citizens.add(new Citizen(Cpr.of(cpr), MUNICIPALITIES.get(i % MUNICIPALITIES.size())));
        }
        return citizens;
    }
}
