package dev.tendril;

import dev.tendril.cli.TendrilCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** One jar: the server by default, or a command-line tool when the first argument is a command. */
@SpringBootApplication
public class Tendril {
    public static void main(String[] args) {
        if (TendrilCommand.handles(args)) {
            System.exit(TendrilCommand.run(args));
        }
        SpringApplication.run(Tendril.class, args);
    }
}
