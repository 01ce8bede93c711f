package org.mdlm.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mdlm.cli.run.ClusterTrainingProvider;

/**
 * The CLI finds Spark through the service file (this module has no module-info to declare it in):
 * {@code --spark} resolves to {@link SparkTrainingProvider}.
 */
class ServiceFileTest {

    @Test
    void theCliFindsTheSparkProvider() {
        ClusterTrainingProvider p = ClusterTrainingProvider.find("spark", getClass().getClassLoader());
        assertEquals(SparkTrainingProvider.class, p.getClass());
        assertEquals("spark", p.name());
    }

    @Test
    void anUnknownKindSaysHowToGetIt() {
        String message = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> ClusterTrainingProvider.find("flink", getClass().getClassLoader())).getMessage();
        org.junit.jupiter.api.Assertions.assertTrue(message.contains("spark-submit"), message);
    }
}
