package io.windbell.survey.page;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** The English strings of the hosted survey page. */
@Localized("en")
public interface EnPageMessages extends PageMessages {

    @Override
    @Message("en")
    String langTag();

    @Override
    @Message("zh-CN")
    String otherLangTag();

    @Override
    @Message("中文")
    String otherLangName();

    @Override
    @Message("Change language")
    String switchLanguage();

    @Override
    @Message("Windbell customer experience")
    String brand();

    @Override
    @Message("Your feedback")
    String formTitle();

    @Override
    @Message("Thank you for taking a minute to tell us about your experience. Questions marked * are required.")
    String intro();

    @Override
    @Message("required")
    String required();

    @Override
    @Message("Submit")
    String submit();

    @Override
    @Message("Your answers are saved as you go; you can finish later from the same link.")
    String autosaveNote();

    @Override
    @Message("Saved")
    String saved();

    @Override
    @Message("Not at all likely")
    String npsLow();

    @Override
    @Message("Extremely likely")
    String npsHigh();

    @Override
    @Message("Very dissatisfied")
    String csatLow();

    @Override
    @Message("Very satisfied")
    String csatHigh();

    @Override
    @Message("Very easy")
    String cesLow();

    @Override
    @Message("Very difficult")
    String cesHigh();

    @Override
    @Message("Very poor")
    String ratingLow();

    @Override
    @Message("Excellent")
    String ratingHigh();

    @Override
    @Message("Please answer this if you gave a score from {min} to {max} above.")
    String conditionalHint(int min, int max);

    @Override
    @Message("Choose all that apply.")
    String chooseAny();

    @Override
    @Message("Up to {max} characters.")
    String textHint(int max);

    @Override
    @Message("Please check these answers")
    String errorSummary();

    @Override
    @Message("Please answer this question.")
    String errRequired();

    @Override
    @Message("Please choose a score from {min} to {max}.")
    String errScore(int min, int max);

    @Override
    @Message("Please choose only one option.")
    String errOneChoice();

    @Override
    @Message("Please choose at least one option.")
    String errChoice();

    @Override
    @Message("Please write something, or clear this answer.")
    String errText();

    @Override
    @Message("That is too long: at most {max} characters.")
    String errTextTooLong(int max);

    @Override
    @Message("We could not read this answer; please choose again.")
    String errInvalid();

    @Override
    @Message("Thank you for your feedback")
    String thanksTitle();

    @Override
    @Message("We have received your answers. They help us improve our service.")
    String thanksBody();

    @Override
    @Message("You have already answered this survey")
    String answeredTitle();

    @Override
    @Message("This survey has already been submitted, so there is nothing more to do. Thank you for your feedback!")
    String answeredBody();

    @Override
    @Message("This survey link has expired")
    String expiredTitle();

    @Override
    @Message("Sorry, this survey has closed and can no longer be answered. Thank you for your interest.")
    String expiredBody();

    @Override
    @Message("Survey not found")
    String notFoundTitle();

    @Override
    @Message("This link is invalid or incomplete. Please check that you opened the whole link you received.")
    String notFoundBody();

    @Override
    @Message("Your answers are used only to improve our service.")
    String privacy();
}
