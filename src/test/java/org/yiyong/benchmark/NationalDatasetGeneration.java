package org.yiyong.benchmark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.yiyong.shared.FieldCipher;

/**
 * Fills the PostgreSQL database of {@code YIYONG_DB_URL} with the national dataset ({@link NationalDataset}):
 * {@code ./mvnw -Pdataset test -Ddataset.deeds=1000000}, as {@code docs/performance.md} describes. Not part of
 * {@code ./mvnw verify}. The database is migrated and given the demo data first; a database that holds the
 * dataset already is left as it is.
 */
@Tag("dataset")
@SpringBootTest
class NationalDatasetGeneration {

    @Autowired
    private DataSource database;

    @Autowired
    private FieldCipher cipher;

    @Test
    void generate_the_national_dataset() throws Exception {
        String product;
        try (Connection connection = database.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion();
        }
        assumeTrue(product.startsWith("PostgreSQL"), "the dataset is written with COPY into PostgreSQL "
                + "(YIYONG_DB_URL), not into " + product);
        if (NationalDataset.present(database)) {
            System.out.println("\nThe national dataset is in the database already: nothing written.\n");
            return;
        }
        NationalDataset.Options defaults = NationalDataset.Options.of(Integer.getInteger("dataset.deeds", 1_000_000));
        NationalDataset.Options options = new NationalDataset.Options(defaults.deeds(),
                Double.parseDouble(System.getProperty("dataset.city-share", String.valueOf(defaults.cityShare()))),
                defaults.today(), Integer.getInteger("dataset.threads", defaults.threads()),
                Boolean.getBoolean("dataset.check-keys"), defaults.seed());
        NationalDataset.Result result = new NationalDataset(database, cipher, options).generate();
        print(options, product, result);
    }

    static void print(NationalDataset.Options options, String product, NationalDataset.Result result) {
        System.out.printf(Locale.ROOT, "%nNational dataset: %,d deeds (%.0f %% in Quanzhou), %s, %d passes at once%n",
                options.deeds(), options.cityShare() * 100, product, options.threads());
        for (Map.Entry<String, Long> table : result.rows().entrySet()) {
            System.out.printf(Locale.ROOT, "  %-24s %,14d%n", table.getKey(), table.getValue());
        }
        System.out.printf(Locale.ROOT, "  %-24s %,14d rows in %.1f s: %,.0f rows/s (then analyse %.1f s)%n%n", "total",
                result.total(), result.load().toMillis() / 1000.0, result.rowsPerSecond(),
                result.analyse().toMillis() / 1000.0);
    }
}
