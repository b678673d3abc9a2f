package th.raingan.engine;

import java.util.function.Function;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;

/**
 * Translates a business refusal, a plain exception of the application, into the engine's
 * form validation failure, in one place for every delegate, listener and variable mapping
 * the engine calls. For that failure the engine rolls the whole completion back (the task
 * stays open, nothing is written), {@code /engine-rest} answers 400 with the message, and
 * Tasklist shows it over the form that was filled in. The refusal stays the cause.
 *
 * @param <T> the refusal's type
 */
public class RefusalTranslation<T extends RuntimeException> extends AbstractProcessEnginePlugin {

	private final Class<T> refusal;

	private final Function<T, Object> detail;

	/**
	 * @param refusal the application's refusal type
	 * @param detail what the engine keeps as the failure's detail (the problems, each
	 * naming its field)
	 */
	public RefusalTranslation(Class<T> refusal, Function<T, Object> detail) {
		this.refusal = refusal;
		this.detail = detail;
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		DelegateInterceptor engines = configuration.getDelegateInterceptor();
		configuration.setDelegateInterceptor(invocation -> translating(engines, invocation));
	}

	private void translating(DelegateInterceptor engines, DelegateInvocation invocation) throws Exception {
		try {
			engines.handleInvocation(invocation);
		}
		catch (RuntimeException e) {
			if (refusal.isInstance(e)) {
				T refused = refusal.cast(e);
				throw new FormFieldValidationException(detail.apply(refused), refused.getMessage(), refused);
			}
			throw e;
		}
	}

}
