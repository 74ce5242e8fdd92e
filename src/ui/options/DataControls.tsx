// All of the user's data at once: export it to a file, import such a file back, or erase it
// after an explicit confirmation.
import { useRef, useState } from "preact/hooks";
import { sendMessage } from "@/src/messaging/client";
import type { Translator } from "@/src/i18n/i18n";
import { errorText } from "@/src/shared/error-text";
import { datedFilename, downloadText } from "@/src/ui/shared/download";
import { FilePicker } from "./FilePicker";
import { NoticeLine, type Notice } from "./Notice";

export function DataControls({ t, onChanged }: { t: Translator; onChanged?: () => void }) {
  const [notice, setNotice] = useState<Notice>();
  const dialog = useRef<HTMLDialogElement>(null);
  const fail = (e: unknown) =>
    setNotice({ kind: "alert", text: t("errorPrefix", { message: errorText(e) }) });

  const exportAll = () =>
    sendMessage("data.export", {}).then(({ json, skipped }) => {
      downloadText(datedFilename("siyaq-data"), json);
      // Damaged records would make the whole file unimportable: they stay out, and the user is told.
      setNotice(
        skipped > 0
          ? { kind: "alert", text: t("options.dataSkipped", { count: skipped }) }
          : undefined,
      );
    }, fail);

  const importAll = async (file: File) => {
    setNotice(undefined);
    try {
      const counts = await sendMessage("data.import", { json: await file.text() });
      const summary = Object.entries(counts)
        .map(([kind, n]) => `${kind}: ${n}`)
        .join("، ");
      setNotice({ kind: "status", text: t("options.dataImported", { summary }) });
      onChanged?.();
    } catch (e) {
      setNotice({ kind: "alert", text: t("options.importFailed", { message: errorText(e) }) });
    }
  };

  const wipe = async () => {
    dialog.current?.close();
    try {
      await sendMessage("data.wipe", { confirm: "wipe" });
      setNotice({ kind: "status", text: t("options.wiped") });
      onChanged?.();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <section aria-labelledby="siyaq-data" class="siyaq-panel">
      <h2 id="siyaq-data">{t("options.data")}</h2>
      <p class="siyaq-help">{t("options.dataHelp")}</p>
      <div class="siyaq-actions">
        <button type="button" class="siyaq-button" onClick={exportAll} data-testid="data-export">
          {t("options.dataExport")}
        </button>
      </div>
      <FilePicker
        id="siyaq-data-file"
        label={t("options.dataImport")}
        onFile={importAll}
        testId="data-import"
      />
      <div class="siyaq-actions">
        <button
          type="button"
          class="siyaq-button siyaq-button--danger"
          data-testid="data-wipe"
          onClick={() => dialog.current?.showModal()}
        >
          {t("options.wipe")}
        </button>
      </div>
      <dialog
        ref={dialog}
        class="siyaq-dialog"
        aria-labelledby="siyaq-wipe-title"
        aria-describedby="siyaq-wipe-text"
      >
        <h3 id="siyaq-wipe-title">{t("options.wipeTitle")}</h3>
        <p id="siyaq-wipe-text">{t("options.wipeText")}</p>
        <div class="siyaq-actions">
          {/* Cancel comes first and takes focus: Enter on an opened dialog must not erase anything. */}
          <button
            type="button"
            class="siyaq-button"
            autofocus
            onClick={() => dialog.current?.close()}
          >
            {t("cancel")}
          </button>
          <button
            type="button"
            class="siyaq-button siyaq-button--danger"
            data-testid="wipe-confirm"
            onClick={wipe}
          >
            {t("options.wipeConfirm")}
          </button>
        </div>
      </dialog>
      <NoticeLine notice={notice} testId="data-notice" />
    </section>
  );
}
