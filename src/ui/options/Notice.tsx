// One line of feedback after an action: a polite status on success, an alert on failure.
export interface Notice {
  kind: "status" | "alert";
  text: string;
}

export function NoticeLine({ notice, testId }: { notice?: Notice; testId: string }) {
  if (!notice) return null;
  return (
    <p role={notice.kind} data-testid={testId} class={`siyaq-notice siyaq-notice--${notice.kind}`}>
      {notice.text}
    </p>
  );
}
