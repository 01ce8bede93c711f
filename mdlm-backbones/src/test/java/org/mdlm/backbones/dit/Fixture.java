package org.mdlm.backbones.dit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.mdlm.testkit.TestData;

/** The DiT parity fixture produced with the reference MDLM code (see its README). */
final class Fixture {

    /** The fixture's backbone config (timeConditioning set per run). */
    static final DitConfig CONFIG = new DitConfig(64, 4, 2, 32, 4, 0.0, true, 256);
    static final int VOCAB = 28;

    private Fixture() {
    }

    /** The fixture folder, testdata/fixtures/dit-parity of the project. */
    static Path dir() {
        return TestData.path("fixtures/dit-parity");
    }

    /** Loads {@code <name>.npy}. */
    static INDArray load(String name) {
        File f = dir().resolve(name + ".npy").toFile();
        assertTrue(f.isFile(), "fixture file missing: " + f);
        return Nd4j.createFromNpyFile(f);
    }

    /** Parameter names in params.json order. */
    static List<String> parameterNames() {
        try {
            JsonNode root = new ObjectMapper().readTree(dir().resolve("params.json").toFile());
            List<String> names = new ArrayList<>();
            for (JsonNode p : root.get("parameters")) {
                names.add(p.get("name").asText());
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parameter shapes in params.json order. */
    static List<long[]> parameterShapes() {
        try {
            JsonNode root = new ObjectMapper().readTree(dir().resolve("params.json").toFile());
            List<long[]> shapes = new ArrayList<>();
            for (JsonNode p : root.get("parameters")) {
                JsonNode s = p.get("shape");
                long[] shape = new long[s.size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = s.get(i).asLong();
                }
                shapes.add(shape);
            }
            return shapes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
