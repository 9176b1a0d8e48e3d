import { useEffect, useId, useRef, type ReactNode } from 'react';
import './StepFrame.css';

interface Props {
  readonly testId: string;
  readonly title: string;
  readonly lead?: ReactNode;
  readonly icon?: ReactNode;
  readonly children?: ReactNode;
}

/** One step's page: its heading takes focus when the step appears, so keyboard and screen-reader users land there. */
export function StepFrame({ testId, title, lead, icon, children }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section className="step" data-testid={testId} aria-labelledby={id}>
      <div className="step-head">
        {icon ? <span className="step-icon">{icon}</span> : null}
        <h1 id={id} ref={heading} tabIndex={-1} data-testid="step-heading">
          {title}
        </h1>
      </div>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </section>
  );
}
