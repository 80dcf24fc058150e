package org.e2dl4j.nn;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Export} does with one layer of this library, as the layer declares it
 * ({@link EquivariantLayer#toStock}): either it is replaced by stock DL4J layers that compute the same function
 * (none at all when the layer is the identity and vanishes), or it cannot be, for a stated reason.
 */
public sealed interface StockExport permits StockExport.Replaced, StockExport.Refused {

    /** Replaced by these stock layers, applied in order (an empty list: the layer vanishes). */
    static StockExport replacedBy(List<ExportedLayer> layers) {
        return new Replaced(layers);
    }

    /** Replaced by one stock layer. */
    static StockExport replacedBy(ExportedLayer layer) {
        return new Replaced(List.of(layer));
    }

    /** The layer is the identity on its input and vanishes from the exported network. */
    static StockExport vanishes() {
        return new Replaced(List.of());
    }

    /** No stock DL4J layer computes what the layer computes; {@code reason} says what is missing. */
    static StockExport refused(String reason) {
        return new Refused(reason);
    }

    /**
     * The layer is replaced by stock layers.
     *
     * @param layers the stock layers with their parameters, in order; empty when the layer vanishes
     */
    record Replaced(List<ExportedLayer> layers) implements StockExport {
        public Replaced {
            layers = List.copyOf(layers);
        }
    }

    /**
     * The layer cannot be exported.
     *
     * @param reason what the layer computes that no stock DL4J layer does, and what to do instead
     */
    record Refused(String reason) implements StockExport {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
