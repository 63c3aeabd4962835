package dk.eojxds.handover;

import dk.eojxds.model.LogSafe;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;

/**
 * Claimed rows that cannot be turned into work (stored metadata that no longer reads: a CPR number
 * or SOR code a stricter rule refuses, a code missing): each is parked for an operator with the
 * reason, and the rest of the claim goes on. Without this, one such row failed every claim of its
 * queue, and nothing behind it was ever registered.
 */
final class UnreadableItems<T> {

    private static final Logger log = LoggerFactory.getLogger(UnreadableItems.class);

    private record Unreadable(String uniqueId, String entryUuid, RuntimeException cause) {
    }

    private final List<Unreadable> unreadable = new ArrayList<>();
    private final RowMapper<T> reader;

    UnreadableItems(RowMapper<T> reader) {
        this.reader = reader;
    }

    /** Reads a row, or notes it as unreadable (null) by its {@code unique_id} and {@code entry_uuid} columns. */
    RowMapper<T> mapper() {
        return (rs, i) -> {
            try {
                return reader.mapRow(rs, i);
            } catch (RuntimeException e) {
                unreadable.add(new Unreadable(rs.getString("unique_id"), rs.getString("entry_uuid"), e));
                return null;
            }
        };
    }

    /** Parks what could not be read (in the claim's transaction) and answers the rest. */
    List<T> parkUnreadable(List<T> claimed, RegistryOutcomes outcomes, String queue) {
        for (Unreadable item : unreadable) {
            String reason = "unreadable-metadata: " + item.cause().getClass().getSimpleName() + ": "
                    + LogSafe.text(item.cause().getMessage());
            // never sent: no submission set ("-" where one is recorded)
            outcomes.record(item.uniqueId(), item.entryUuid(), "-", RegistryOutcomes.FAILED, reason, null);
            log.warn("{}: document {} parked, its stored metadata cannot be read: {}", queue,
                    LogSafe.text(item.uniqueId()), reason);
        }
        return claimed.stream().filter(Objects::nonNull).toList();
    }
}
