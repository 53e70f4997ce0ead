package org.chemoadvisor.spark;

import org.apache.spark.sql.SparkSession;

/** The tests' Spark: local mode on two threads, no web UI, few shuffle partitions for small inputs. */
final class LocalSpark {

    private LocalSpark() {
    }

    static SparkSession start(String appName, int shufflePartitions) {
        return SparkSession.builder().master("local[2]").appName(appName)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions))
                .getOrCreate();
    }
}
