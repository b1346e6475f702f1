package dev.tendril;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar run as an operator runs it, in a session of its own ({@code setsid}), so that a test can kill it
 * the way a machine dies: every process at once, with SIGKILL. Output goes to {@link #log}, which outlives the test.
 */
final class TendrilProcess implements AutoCloseable {
    static final String WRITE_KEY = "wk_durability0123456789abcdefgh";
    static final String SECRET_KEY = "sk_durability0123456789abcdefgh";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final Path dataDir;
    final Path log;
    final int port;
    private final Map<String, String> environment;
    private Process jvm;

    /** {@code environment}: settings beyond the data directory, the port and the bootstrap workspace (an external database, say). */
    TendrilProcess(Path dataDir, Path log, Map<String, String> environment) throws IOException {
        this.dataDir = dataDir;
        this.log = log;
        this.port = freePort();
        this.environment = new HashMap<>(environment);
        this.environment.putAll(Map.of("TENDRIL_DATA_DIR", dataDir.toString(), "SERVER_PORT", Integer.toString(port),
                "TENDRIL_BOOTSTRAP_WORKSPACE", "durable", "TENDRIL_BOOTSTRAP_WRITE_KEY", WRITE_KEY,
                "TENDRIL_BOOTSTRAP_SECRET_KEY", SECRET_KEY));
        Files.createDirectories(log.getParent());
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Starts the jar (again, on the same data directory) and waits until it answers its health check. */
    void start() throws IOException, InterruptedException {
        assertThat(jvm == null || !jvm.isAlive()).as("already running").isTrue();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder("setsid", java, "-Xmx512m", "-jar", System.getProperty("tendril.jar"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        jvm = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(jvm.isAlive()).as("server exited; see %s", log.toAbsolutePath()).isTrue();
            try {
                if (HTTP.send(HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    // setsid execs in place (a child of this JVM leads no group): the process started is the JVM, leading its group.
                    assertThat(processGroup(jvm.pid())).as("the JVM leads its own process group").isEqualTo(jvm.pid());
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("server did not become healthy; see " + log.toAbsolutePath());
    }

    boolean isAlive() {
        return jvm != null && jvm.isAlive();
    }

    /**
     * SIGKILL to the JVM's process group and to the embedded PostgreSQL, in one {@code kill} call. The postmaster and
     * each of its children lead sessions of their own (pg_ctl and PostgreSQL call setsid), so they are named one by
     * one: the postmaster is stopped first (SIGSTOP), so it forks no child between the listing and the kill. Returns
     * once none of them runs any more; how many processes were killed.
     */
    int killEverything() throws IOException, InterruptedException {
        List<Long> postgres = new ArrayList<>();
        Long postmaster = embeddedPostmaster();
        if (postmaster != null) {
            run("kill", "-STOP", postmaster.toString());
            postgres.add(postmaster);
            ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(d -> postgres.add(d.pid())));
        }
        boolean jvmAlive = isAlive();
        List<String> command = new ArrayList<>(List.of("kill", "-KILL", "--"));
        if (jvmAlive) {
            command.add("-" + jvm.pid());
        }
        postgres.forEach(pid -> command.add(pid.toString()));
        if (command.size() > 3) {
            run(command.toArray(String[]::new));
        }
        if (jvmAlive) {
            assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).as("the JVM died").isTrue();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (postgres.stream().anyMatch(TendrilProcess::running) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(postgres.stream().filter(TendrilProcess::running).toList()).as("PostgreSQL processes left running").isEmpty();
        return (jvmAlive ? 1 : 0) + postgres.size();
    }

    /** SIGKILL to the JVM alone, as the kernel's OOM killer would: its embedded PostgreSQL lives on, orphaned. */
    void killJvm() throws InterruptedException {
        jvm.destroyForcibly();
        assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /** A clean shutdown (SIGTERM), which stops the embedded PostgreSQL too. */
    void stop() throws InterruptedException {
        jvm.destroy();
        assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    /** A connection to the embedded PostgreSQL as it runs now, for the test's own reading of what is stored. */
    Connection embeddedDatabase() throws IOException, SQLException {
        List<String> pidFile = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"));
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pidFile.get(3).trim() + "/postgres", "postgres", "");
    }

    /** Whatever still runs when a test ends, failed or not, is killed: the JVM and an embedded PostgreSQL, orphaned or not. */
    @Override
    public void close() throws IOException, InterruptedException {
        killEverything();
    }

    private Long embeddedPostmaster() throws IOException {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).getFirst().trim());
            return running(pid) ? pid : null;
        } catch (NoSuchFileException external) {
            return null;
        }
    }

    /** Alive and not a zombie waiting for init to reap it. */
    static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException gone) {
            return false;
        }
    }

    private static long processGroup(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[2]);
    }

    static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("%s: %s", String.join(" ", command), output).isZero();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
