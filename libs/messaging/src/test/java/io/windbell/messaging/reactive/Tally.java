package io.windbell.messaging.reactive;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The aggregate of the test: counts the messages applied to it, so "applied exactly once" is a number. */
@Entity
@Table(name = "test_tally")
public class Tally extends PanacheEntityBase {

    @Id
    public String id;

    public int applied;
}
