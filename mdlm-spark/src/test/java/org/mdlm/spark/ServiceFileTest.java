package org.mdlm.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mdlm.cli.run.ClusterTokenizationProvider;
import org.mdlm.cli.run.ClusterTrainingProvider;
import org.mdlm.spark.tokenize.SparkTokenizationProvider;

/**
 * The CLI finds Spark through the service files (this module has no module-info to declare them in):
 * {@code train --spark} resolves to {@link SparkTrainingProvider}, {@code tokenize --spark} to
 * {@link SparkTokenizationProvider}.
 */
class ServiceFileTest {

    @Test
    void theCliFindsTheSparkProvider() {
        ClusterTrainingProvider p = ClusterTrainingProvider.find("spark", getClass().getClassLoader());
        assertEquals(SparkTrainingProvider.class, p.getClass());
        assertEquals("spark", p.name());
    }

    @Test
    void theCliFindsTheSparkTokenizer() {
        ClusterTokenizationProvider p = ClusterTokenizationProvider.find("spark", getClass().getClassLoader());
        assertEquals(SparkTokenizationProvider.class, p.getClass());
        assertEquals("spark", p.name());
    }

    @Test
    void anUnknownKindSaysHowToGetIt() {
        String message = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> ClusterTrainingProvider.find("flink", getClass().getClassLoader())).getMessage();
        org.junit.jupiter.api.Assertions.assertTrue(message.contains("spark-submit"), message);
    }
}
