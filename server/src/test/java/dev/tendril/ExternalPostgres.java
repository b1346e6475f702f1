package dev.tendril;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL server of its own, as an operator runs one beside Tendril: started from zonky's binaries, crashed with
 * {@code pg_ctl stop -m immediate} (every process quits at once, without a checkpoint: the next start recovers from
 * the WAL) and started again on the same data directory and port.
 */
final class ExternalPostgres implements AutoCloseable {
    private final Path dataDir;
    private final int port;
    private final EmbeddedPostgres first;
    private final Path bin;
    private final Path log;

    private ExternalPostgres(Path dataDir, int port, EmbeddedPostgres first, Path log) throws IOException {
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
        this.first = first;
        long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().trim());
        this.bin = Path.of(ProcessHandle.of(postmaster).orElseThrow().info().command().orElseThrow()).getParent();
    }

    /** {@code log}: where initdb's and PostgreSQL's output goes. */
    static ExternalPostgres start(Path dataDir, Path log) throws IOException {
        int port = TendrilProcess.freePort();
        Files.createDirectories(log.getParent());
        ProcessBuilder.Redirect output = ProcessBuilder.Redirect.appendTo(log.toFile());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(true).setPort(port)
                .setOutputRedirector(output).setErrorRedirector(output)
                .setLocaleConfig("locale", "C.UTF-8").setLocaleConfig("encoding", "UTF8")
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setPGStartupWait(Duration.ofSeconds(60)).start();
        return new ExternalPostgres(dataDir, port, postgres, log);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    void crash() throws IOException, InterruptedException {
        pgCtl("stop", "-m", "immediate", "-w");
    }

    void restart() throws IOException, InterruptedException {
        pgCtl("start", "-w", "-t", "60", "-o", "-p " + port + " -c fsync=on -c synchronous_commit=on",
                "-l", log.toString());
    }

    /** Stops whichever postmaster runs on the data directory now (zonky's pg_ctl stop). */
    @Override
    public void close() throws IOException {
        first.close();
    }

    /** PostgreSQL refuses to run as root; as zonky does, root runs it in a user namespace of its own. */
    private void pgCtl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (ProcessHandle.current().info().user().orElse("").equals("root")) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString()));
        command.addAll(List.of(args));
        TendrilProcess.run(command.toArray(String[]::new));
    }
}
