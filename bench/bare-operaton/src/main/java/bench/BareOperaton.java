package bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A bare Operaton application: the engine, its webapps and REST API, nothing else. */
@SpringBootApplication
public class BareOperaton {

  public static void main(String[] args) {
    SpringApplication.run(BareOperaton.class, args);
  }
}
