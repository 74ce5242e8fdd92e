// A labelled file input for JSON imports; it clears itself so the same file can be chosen again.
export interface FilePickerProps {
  id: string;
  label: string;
  onFile: (file: File) => void | Promise<void>;
  testId?: string;
}

export function FilePicker({ id, label, onFile, testId }: FilePickerProps) {
  return (
    <div class="siyaq-field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept="application/json,.json"
        data-testid={testId}
        onChange={async (event) => {
          const input = event.currentTarget;
          const file = input.files?.[0];
          if (!file) return;
          try {
            await onFile(file);
          } finally {
            input.value = "";
          }
        }}
      />
    </div>
  );
}
