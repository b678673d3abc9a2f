package th.raingan.process;

import java.util.Optional;

import org.camunda.bpm.spring.boot.starter.spin.CamundaJacksonFormatConfiguratorJSR310;
import org.camunda.bpm.spring.boot.starter.spin.CamundaJacksonFormatConfiguratorJdk8;
import org.camunda.bpm.spring.boot.starter.spin.CamundaJacksonFormatConfiguratorParameterNames;
import org.camunda.bpm.spring.boot.starter.spin.SpringBootSpinProcessEnginePlugin;

/**
 * Spin on the flow tests' engine as Spring Boot sets it up for the application: JSON
 * values, and Jackson with the Java time, Optional and parameter-name modules, so that a
 * delegate's object variable (a checked draft with its dates) is handled as in the
 * application. Spin's data formats are global to the JVM: loading them without these
 * modules would take them from the application tests that run in the same JVM.
 */
public class FlowsSpinPlugin extends SpringBootSpinProcessEnginePlugin {

	public FlowsSpinPlugin() {
		dataFormatConfiguratorJsr310 = Optional.of(new CamundaJacksonFormatConfiguratorJSR310());
		dataFormatConfiguratorJdk8 = Optional.of(new CamundaJacksonFormatConfiguratorJdk8());
		dataFormatConfiguratorParameterNames = Optional.of(new CamundaJacksonFormatConfiguratorParameterNames());
	}

}
